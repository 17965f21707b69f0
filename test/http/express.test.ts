/** The http suite through the Express adapter. */
import { httpSuite } from './suite.js';

httpSuite('express');

/** The dashboard suite through the Express adapter. */
import { dashboardSuite } from './suite.js';

dashboardSuite('express');

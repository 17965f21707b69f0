/** The http suite through the Koa adapter. */
import { httpSuite } from './suite.js';

httpSuite('koa');

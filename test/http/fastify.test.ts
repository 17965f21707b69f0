/** The http suite through the fastify adapter. */
import { httpSuite } from './suite.js';

httpSuite('fastify');

/** The shared sink suite on nats, over every database. */
import { natsBroker } from './brokers/nats.js';
import { describeSinkSuite } from './sink-suite.js';

describeSinkSuite(natsBroker);

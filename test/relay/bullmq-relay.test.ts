/** The shared sink suite on bullmq, over every database. */
import { bullMqBroker } from './brokers/bullmq.js';
import { describeSinkSuite } from './sink-suite.js';

describeSinkSuite(bullMqBroker);

/** The shared sink suite on rabbitmq, over every database. */
import { rabbitMqBroker } from './brokers/rabbitmq.js';
import { describeSinkSuite } from './sink-suite.js';

describeSinkSuite(rabbitMqBroker);

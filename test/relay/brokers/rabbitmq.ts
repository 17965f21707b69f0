/** RabbitMQ for the sink suite: an exchange and a queue bound to it per test. */
import { connect } from 'amqplib';
import { createRabbitMqSink } from '../../../src/relay/rabbitmq.js';
import type { ArrivedMessage, BrokerUnderTest } from '../broker.js';
import { arrivedFrom, probePort } from './common.js';

const names = (suffix: string) => ({ exchange: `t.${suffix}`, queue: `q.${suffix}` });

export const rabbitMqBroker: BrokerUnderTest = {
  name: 'rabbitmq',
  target: { host: '127.0.0.1', port: 5672 },
  dropsRepeats: false,
  unreachable: () => probePort(5672, 'RabbitMQ'),
  async openReader(suffix) {
    const { exchange, queue } = names(suffix);
    const model = await connect('amqp://guest:guest@127.0.0.1:5672');
    const channel = await model.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, exchange, '#');
    const seen: ArrivedMessage[] = [];
    return {
      async arrived() {
        for (;;) {
          const message = await channel.get(queue, { noAck: true });
          if (message === false) return [...seen];
          const arrived = arrivedFrom(message.content);
          // The sink's contract on this broker: the event id is the AMQP message id.
          if (message.properties.messageId !== arrived.id) throw new Error('messageId is not the event id');
          seen.push(arrived);
        }
      },
      async dispose() {
        await channel.deleteQueue(queue);
        await channel.deleteExchange(exchange);
        await model.close();
      },
    };
  },
  openSink: (port, suffix) =>
    createRabbitMqSink({ url: `amqp://guest:guest@127.0.0.1:${port}`, exchange: names(suffix).exchange }),
};

/** NATS JetStream for the sink suite: a stream per test, read back message by message. */
import { connect, type NatsConnection, nanos, StorageType } from 'nats';
import { createNatsSink } from '../../../src/relay/nats.js';
import type { ArrivedMessage, BrokerUnderTest } from '../broker.js';
import { arrivedFrom, probePort } from './common.js';

const names = (suffix: string) => ({ stream: `T_${suffix}`, subjectPrefix: `t${suffix}` });

export const natsBroker: BrokerUnderTest = {
  name: 'nats',
  target: { host: '127.0.0.1', port: 4222 },
  dropsRepeats: true,
  unreachable: () => probePort(4222, 'NATS'),
  async openReader(suffix) {
    const { stream, subjectPrefix } = names(suffix);
    const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({
      name: stream,
      subjects: [`${subjectPrefix}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(120_000),
    });
    return {
      async arrived() {
        const info = await jsm.streams.info(stream);
        const out: ArrivedMessage[] = [];
        for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
          out.push(arrivedFrom((await jsm.streams.getMessage(stream, { seq })).data));
        }
        return out;
      },
      async dispose() {
        await jsm.streams.delete(stream).catch(() => false);
        await nc.close();
      },
    };
  },
  async openSink(port, suffix) {
    // Reconnect for as long as it takes: the suite takes the broker away and gives it back.
    const nc: NatsConnection = await connect({
      servers: `nats://127.0.0.1:${port}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 50,
    });
    const sink = await createNatsSink({ connection: nc, ...names(suffix) });
    return { name: sink.name, publish: (events) => sink.publish(events), close: () => nc.close() };
  },
};

import type { DriverConfig } from '../../../core/contracts/operations';
import { HttpDriver } from './http-driver';
import type { InstrumentDriver } from './instrument-driver';
import { MqttDriver } from './mqtt-driver';

/** One driver per link, opened on first use and kept for the worker's life. */
export class DriverPool {
  private readonly drivers = new Map<string, InstrumentDriver>();

  driverFor(config: DriverConfig): InstrumentDriver {
    const key =
      config.kind === 'mqtt' ? `mqtt ${config.url} ${config.topicPrefix}` : `http ${config.url}`;
    let driver = this.drivers.get(key);
    if (!driver) {
      driver =
        config.kind === 'mqtt'
          ? new MqttDriver(config.url, config.topicPrefix)
          : new HttpDriver(config.url);
      this.drivers.set(key, driver);
    }
    return driver;
  }

  async close(): Promise<void> {
    const drivers = [...this.drivers.values()];
    this.drivers.clear();
    await Promise.all(drivers.map((d) => d.close()));
  }
}

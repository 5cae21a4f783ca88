import { SerialPort, type SerialPortMock } from 'serialport';
import { DynamixelPortError } from '../errors';
import type { ByteTransport, TransportListener, WriteCallback } from './byte-transport';

/** Where and how fast to open a serial port. */
export interface SerialPortTransportOptions {
  /** Device path: `/dev/ttyUSB0`, `/dev/serial/by-id/...`, a pty. */
  readonly path: string;
  readonly baudRate: number;
}

/**
 * {@link ByteTransport} over a `serialport` 13 stream (a real port, a
 * pseudo-terminal, or `SerialPortMock` in tests). Listens for `error` from
 * the start, so a failing port never becomes an unhandled exception: errors
 * and disconnects are reported once, through the listener's `closed`.
 *
 * @example
 * const transport = await SerialPortTransport.open({ path: '/dev/ttyUSB0', baudRate: 1_000_000 });
 */
export class SerialPortTransport implements ByteTransport {
  private listener: TransportListener | undefined;
  private ended = false;

  constructor(private readonly port: SerialPort | SerialPortMock) {
    port.on('error', (error: Error) => this.end(error));
    port.on('close', (error: Error | null | undefined) => this.end(error ?? undefined));
  }

  /**
   * Opens `options.path` (8N1, no flow control). Rejects with
   * {@link DynamixelPortError} saying what to check.
   *
   * @example
   * const transport = await SerialPortTransport.open({ path: '/tmp/ttyA', baudRate: 1_000_000 });
   */
  static open(options: SerialPortTransportOptions): Promise<SerialPortTransport> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
      port.open((error) => {
        if (!error) return resolve(new SerialPortTransport(port));
        reject(
          new DynamixelPortError(
            'SerialPortTransport.open',
            `cannot open ${options.path} at ${options.baudRate} baud: ${error.message}; check the path, that no other process holds it, and the permissions (dialout group)`,
          ),
        );
      });
    });
  }

  get isOpen(): boolean {
    return !this.ended && this.port.isOpen;
  }

  listen(listener: TransportListener): void {
    if (this.listener === undefined) this.port.on('data', (chunk: Buffer) => this.listener?.data(chunk));
    this.listener = listener;
  }

  write(bytes: Uint8Array, done: WriteCallback): void {
    this.port.write(bytes, done);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }

  private end(error: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.listener?.closed(error);
  }
}

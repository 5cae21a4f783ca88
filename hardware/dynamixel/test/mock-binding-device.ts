import { MockBinding, type MockPortBinding } from '@serialport/binding-mock';
import { SerialPortMock } from 'serialport';
import type { ByteTransport, TransportListener, WriteCallback } from '../src/transport/byte-transport';

/**
 * A `SerialPortMock` on a fresh mock port, and the device side of that port as
 * a ByteTransport: it hears what the host writes (by wrapping the binding's
 * write) and answers through `emitData`, so a ServoResponder can sit behind
 * the real serialport stream.
 */
export async function mockSerialPort(path: string): Promise<{ port: SerialPortMock; device: ByteTransport }> {
  MockBinding.createPort(path, { echo: false, record: false });
  const port = new SerialPortMock({ path, baudRate: 1_000_000 });
  await new Promise<void>((resolve, reject) => port.once('open', resolve).once('error', reject));
  const binding = port.port as MockPortBinding;
  let listener: TransportListener | undefined;
  const write = binding.write.bind(binding);
  binding.write = async (buffer: Buffer) => {
    await write(buffer);
    setImmediate(() => listener?.data(Uint8Array.from(buffer)));
  };
  const device: ByteTransport = {
    get isOpen() {
      return binding.isOpen;
    },
    listen: (next) => {
      listener = next;
    },
    write: (bytes: Uint8Array, done: WriteCallback) => {
      binding.emitData(Buffer.from(bytes));
      done(null);
    },
    close: () => Promise.resolve(),
  };
  return { port, device };
}

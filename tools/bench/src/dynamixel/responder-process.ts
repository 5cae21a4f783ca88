// Child process of the `dynamixel` benchmark: on one end of the pseudo-terminal
// pair, either plays servos 1..N (`servos`) or sends every byte straight back
// (`echo`, the transport's floor), so the bus under test has its process to
// itself, as with real servos. Usage: responder-process.ts <path> servos|echo <count>.
import { SerialPortTransport, ServoResponder, XM430_W210 } from '@tickswap/dynamixel';

async function main(): Promise<void> {
  const [path, mode, count] = process.argv.slice(2);
  const transport = await SerialPortTransport.open({ path: path as string, baudRate: 1_000_000 });
  if (mode === 'echo') {
    transport.listen({ data: (chunk) => transport.write(Uint8Array.from(chunk), () => undefined), closed: () => undefined });
  } else {
    const servos = Array.from({ length: Number(count) }, (_, index) => ({ id: index + 1, model: XM430_W210 }));
    new ServoResponder(transport, servos);
  }
  process.on('disconnect', () => void transport.close().then(() => process.exit(0)));
  process.send?.('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

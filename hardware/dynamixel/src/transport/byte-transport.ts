/** Called once the bytes handed to {@link ByteTransport.write} have left (or could not). */
export type WriteCallback = (error?: Error | null) => void;

/** Receives what a {@link ByteTransport} hears. */
export interface TransportListener {
  /** Bytes as they arrive, in any chunking; `chunk` is valid only during the call. */
  data(chunk: Uint8Array): void;
  /** The link closed (by `close()`, `undefined`) or failed (the error); called once. */
  closed(error: Error | undefined): void;
}

/**
 * The only thing the bus needs of a serial link: send bytes, hear bytes,
 * learn that it closed. {@link SerialPortTransport} implements it over the
 * `serialport` package, {@link createMemoryLink} in memory for tests.
 *
 * @example
 * transport.listen({ data: (chunk) => parser.feed(chunk), closed: (error) => console.warn(error) });
 * transport.write(encodePing(1), (error) => error && console.error(error));
 */
export interface ByteTransport {
  readonly isOpen: boolean;
  /** Sets the one listener (a later call replaces it). */
  listen(listener: TransportListener): void;
  /**
   * Queues `bytes`; `done` is called once they have been handed to the
   * device. The transport may read `bytes` until then, so the caller must
   * not change them before `done`.
   */
  write(bytes: Uint8Array, done: WriteCallback): void;
  /** Closes the link; resolves once closed. Never rejects. */
  close(): Promise<void>;
}

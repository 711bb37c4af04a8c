import { Global, Module, Type } from '@nestjs/common';
import { LOG_DESTINATION } from '@src/logging/loggers';

export type LogEntry = Record<string, unknown> & {
  level: string;
  msg?: string;
  reqId?: string;
  audit?: boolean;
};

/** Every line the application logs, kept in memory (a pino destination). */
export class LogCapture {
  readonly lines: string[] = [];

  write(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter((line) => line.length > 0));
  }

  /** All of it, as written: for "never appears" assertions. */
  text(): string {
    return this.lines.join('\n');
  }

  entries(): LogEntry[] {
    return this.lines.map((line) => JSON.parse(line) as LogEntry);
  }

  forRequest(reqId: string): LogEntry[] {
    return this.entries().filter((entry) => entry.reqId === reqId);
  }

  audits(event?: string): LogEntry[] {
    return this.entries().filter((e) => e.audit === true && (!event || e.event === event));
  }

  /** The request line is written when the response finishes: wait for it. */
  async requestLine(reqId: string, timeoutMs = 2_000): Promise<LogEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.forRequest(reqId).find((e) => e.msg === 'request completed');
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`no request line for ${reqId}:\n${this.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** A global module that sends the application's log lines to `capture` (pass to startTestApp). */
export function logCaptureModule(capture: LogCapture): Type {
  @Global()
  @Module({
    providers: [{ provide: LOG_DESTINATION, useValue: capture }],
    exports: [LOG_DESTINATION],
  })
  class LogCaptureModule {}
  return LogCaptureModule;
}

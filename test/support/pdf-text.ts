import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The text of a PDF (its pages joined by a blank line) and its page count, as a reader sees it,
 * extracted by pdf-parse in a child process (see pdf-text-child.cjs for why).
 */
export function pdfText(pdf: Buffer | Uint8Array): Promise<{ text: string; numpages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'pdf-text-child.cjs')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`pdf text extraction failed (${code}): ${Buffer.concat(err).toString()}`));
        return;
      }
      resolve(
        JSON.parse(Buffer.concat(out).toString('utf8')) as { text: string; numpages: number },
      );
    });
    child.stdin.end(Buffer.from(pdf));
  });
}

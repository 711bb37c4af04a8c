// Reads a PDF on standard input and writes { text, numpages } as JSON. Run as a child process by
// pdf-text.ts: pdf-parse 2 loads pdf.js's worker with a dynamic import(), which Jest's module
// sandbox does not allow, so the text is extracted outside it.
const { PDFParse } = require('pdf-parse');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    const text = result.pages.map((page) => page.text).join('\n\n');
    process.stdout.write(JSON.stringify({ text, numpages: result.total }));
  } finally {
    await parser.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});

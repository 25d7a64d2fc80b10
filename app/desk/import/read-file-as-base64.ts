/** Reads a file's raw bytes as base64, so the server can judge the bytes (binary, encoding) itself. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  const buffer = await readFileAsArrayBuffer(file);
  return encodeBytesAsBase64(new Uint8Array(buffer));
}

function readFileAsArrayBuffer(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

// String.fromCharCode takes its arguments on the stack; chunks keep a 2 MB file well below the limit.
const CHUNK_SIZE = 0x8000;

export function encodeBytesAsBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK_SIZE));
  }
  return btoa(binary);
}

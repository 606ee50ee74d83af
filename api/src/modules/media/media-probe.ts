// The only place that touches file-type and music-metadata (both ESM-only; Node 20.19+ loads them through require,
// and Jest transforms them, see jest.config.js). Everything else asks these three functions.
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { parseFile } from 'music-metadata';

/** How many leading bytes are enough to recognise the formats we accept. */
export const SNIFF_HEAD_BYTES = 4100; // file-type's own detection window

export async function sniffHead(head: Uint8Array): Promise<{ ext: string; mime: string } | undefined> {
  return fileTypeFromBuffer(head);
}

export async function sniffFile(file: string): Promise<{ ext: string; mime: string } | undefined> {
  return fileTypeFromFile(file);
}

/** Playing time in seconds (0.1 s precision) read from the file itself, or null when it cannot be read. */
export async function readDurationSec(file: string): Promise<number | null> {
  try {
    // `duration: true` scans the whole file when there is no header with the length (VBR MP3, raw AAC).
    const { format } = await parseFile(file, { duration: true, skipCovers: true, skipPostHeaders: true });
    const d = format.duration;
    return typeof d === 'number' && Number.isFinite(d) && d > 0 ? Math.round(d * 10) / 10 : null;
  } catch {
    return null;
  }
}

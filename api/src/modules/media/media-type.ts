export const MEDIA_KINDS = ['image', 'audio', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface AllowedType { kind: MediaKind; mime: string }

// What we accept, keyed by the extension file-type reports after reading the bytes. The stored MIME type is the one
// browsers and WeChat play without fuss (audio/mp4 rather than audio/x-m4a). SVG is deliberately absent: it can carry script.
const ALLOWED: Record<string, AllowedType> = {
  png: { kind: 'image', mime: 'image/png' },
  jpg: { kind: 'image', mime: 'image/jpeg' },
  webp: { kind: 'image', mime: 'image/webp' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  aac: { kind: 'audio', mime: 'audio/aac' },
  mp4: { kind: 'video', mime: 'video/mp4' },
};

/** The accepted type for what content sniffing found, or null when we do not take that kind of file. */
export function allowedType(sniffed: { ext: string; mime: string } | undefined): AllowedType | null {
  if (!sniffed) return null;
  return ALLOWED[sniffed.ext] ?? null;
}

// Extensions people give files, by the kind they promise. An extension we do not know promises nothing.
const KIND_BY_EXTENSION: Record<string, MediaKind> = {
  png: 'image', jpg: 'image', jpeg: 'image', webp: 'image', gif: 'image', bmp: 'image', svg: 'image',
  mp3: 'audio', m4a: 'audio', aac: 'audio', wav: 'audio', ogg: 'audio', flac: 'audio', wma: 'audio', amr: 'audio',
  mp4: 'video', m4v: 'video', mov: 'video', avi: 'video', mkv: 'video', webm: 'video', wmv: 'video',
};

/**
 * True when the file name promises another kind than the bytes are: a picture renamed to .mp3 is refused rather than
 * quietly stored as a picture, so an editor's mistake shows at upload and not on a resident's phone.
 */
export function nameContradictsKind(originalName: string, kind: MediaKind): boolean {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(originalName)?.[1]?.toLowerCase();
  const promised = ext ? KIND_BY_EXTENSION[ext] : undefined;
  return promised !== undefined && promised !== kind;
}

export const ORIGINAL_NAME_MAX = 120;

/**
 * The uploader's file name as shown in the library: no directories, no control or bidi-override characters,
 * at most ORIGINAL_NAME_MAX characters with the extension kept.
 */
export function sanitizeOriginalName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // C0/C1 controls, zero-width and bidirectional formatting characters (used to disguise extensions).
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...cleaned];
  if (chars.length <= ORIGINAL_NAME_MAX) return cleaned || 'untitled';
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(cleaned)?.[0] ?? '';
  return chars.slice(0, ORIGINAL_NAME_MAX - ext.length).join('').trimEnd() + ext;
}

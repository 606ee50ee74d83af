import { createUploader, type UploadXhr } from './content';
import { ApiError } from './errors';
import { createSessionStore, type KeyValueStorage } from './session';
import type { StaffUser } from './types';

// The browser's XMLHttpRequest is faked; the uploader, the session store and the error mapping are real.

const user: StaffUser = {
  id: 'u1',
  username: 'editor',
  displayName: '演示编辑',
  role: 'editor',
  stationId: null,
  stationName: null,
};

interface Answer {
  status: number;
  body?: unknown;
  /** Progress events to report before answering: [loaded, total]. */
  progress?: [number, number][];
}

class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor(private readonly answer: (xhr: FakeXhr) => Answer | 'network-error' | 'hang') {}

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    const answer = this.answer(this);
    if (answer === 'hang') return;
    queueMicrotask(() => {
      if (this.aborted) return;
      if (answer === 'network-error') {
        this.onerror?.();
        return;
      }
      for (const [loaded, total] of answer.progress ?? []) {
        this.upload.onprogress?.({ loaded, total, lengthComputable: total > 0 } as ProgressEvent);
      }
      this.status = answer.status;
      this.responseText = answer.body === undefined ? '' : JSON.stringify(answer.body);
      this.onload?.();
    });
  }
  abort() {
    this.aborted = true;
    queueMicrotask(() => this.onabort?.());
  }
}

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function setup(answer: (xhr: FakeXhr, attempt: number) => Answer | 'network-error' | 'hang') {
  const session = createSessionStore(memoryStorage);
  session.set({ accessToken: 'access-0', refreshToken: 'refresh-0', user });
  const sent: FakeXhr[] = [];
  let refreshes = 0;
  const upload = createUploader({
    baseUrl: '/api/v1',
    session,
    refreshSession: async () => {
      refreshes += 1;
      session.set({ accessToken: `access-${refreshes}`, refreshToken: `refresh-${refreshes}`, user });
      return { accessToken: `access-${refreshes}`, user };
    },
    createXhr: () => {
      const xhr = new FakeXhr((x) => answer(x, sent.indexOf(x)));
      sent.push(xhr);
      return xhr as unknown as UploadXhr;
    },
  });
  return { upload, sent, session, refreshes: () => refreshes };
}

const stored = {
  id: '65ab12cd34ef56ab78cd90ef',
  kind: 'audio',
  mime: 'audio/mpeg',
  size: 4,
  durationSec: 180.2,
  url: '/api/v1/media/65ab12cd34ef56ab78cd90ef',
  originalName: 'sea.mp3',
  createdAt: '2026-05-01T00:00:00Z',
};
const file = () => new Blob(['ID3x'], { type: 'audio/mpeg' });

describe('uploadMedia', () => {
  test('posts the file as multipart field "file" with the Bearer token, reports progress and returns the media', async () => {
    const { upload, sent } = setup(() => ({ status: 201, body: stored, progress: [[1, 4], [4, 4]] }));
    const progress: [number, number][] = [];
    const result = await upload(file(), 'sea.mp3', {
      title: '海浪',
      onProgress: ({ loaded, total }) => progress.push([loaded, total]),
    });
    expect(result).toEqual(stored);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/v1/admin/media' });
    expect(sent[0]?.headers.Authorization).toBe('Bearer access-0');
    const form = sent[0]?.body;
    expect(form?.get('title')).toBe('海浪');
    expect(form?.get('file')).toBeInstanceOf(Blob);
    expect((form?.get('file') as File).name).toBe('sea.mp3');
    expect(progress).toEqual([
      [1, 4],
      [4, 4],
    ]);
  });

  test('on 401 TOKEN_EXPIRED it refreshes once and sends the file again with the new token', async () => {
    const { upload, sent, refreshes } = setup((_xhr, attempt) =>
      attempt === 0
        ? { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期' } } }
        : { status: 201, body: stored },
    );
    await expect(upload(file(), 'sea.mp3')).resolves.toEqual(stored);
    expect(refreshes()).toBe(1);
    expect(sent.map((x) => x.headers.Authorization)).toEqual(['Bearer access-0', 'Bearer access-1']);
  });

  test('a second 401 after a fresh token ends the session instead of looping', async () => {
    const { upload, sent, session } = setup(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }));
    await expect(upload(file(), 'sea.mp3')).rejects.toMatchObject({ status: 401 });
    expect(sent).toHaveLength(2);
    expect(session.get()).toBeNull();
  });

  test.each([
    [415, 'MEDIA_TYPE_NOT_ALLOWED', '只能上传图片、音频或视频文件'],
    [413, 'MEDIA_TOO_LARGE', '音频文件不能超过 50 MB'],
  ])('a %i %s answer becomes an ApiError with the server’s Chinese message', async (status, code, text) => {
    const { upload } = setup(() => ({ status, body: { error: { code, message: text } } }));
    const error = await upload(file(), 'fake.mp3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, message: text });
  });

  test('a 5xx without an envelope still gets a Chinese message', async () => {
    const { upload } = setup(() => ({ status: 502 }));
    await expect(upload(file(), 'a.mp3')).rejects.toMatchObject({ status: 502, message: '服务暂时不可用，请稍后再试' });
  });

  test('a dropped connection is a network error, not a crash', async () => {
    const { upload } = setup(() => 'network-error');
    await expect(upload(file(), 'a.mp3')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  test('aborting cancels the request and rejects with AbortError', async () => {
    const { upload, sent } = setup(() => 'hang');
    const controller = new AbortController();
    const pending = upload(file(), 'a.mp3', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent[0]?.aborted).toBe(true);
  });
});

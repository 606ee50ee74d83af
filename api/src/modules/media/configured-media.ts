import type { Config } from '../../config';
import { createLocalMediaStore, type MediaStore } from './media-store';
import { createMediaService, mediaTmpDir, type MediaService } from './media.service';

/** The store MEDIA_STORE names: the local disk (MEDIA_DIR) or the S3-compatible bucket. */
export function createConfiguredMediaStore(media: Config['media']): MediaStore {
  if (media.store === 's3' && media.s3) {
    // Loaded only when chosen: the S3 SDK would add a fifth of a second to every start of a local-disk setup.
    const { createS3MediaStore } = require('./s3-media-store') as typeof import('./s3-media-store');
    return createS3MediaStore(media.s3);
  }
  return createLocalMediaStore(media.dir);
}

/** The media service on the configured store. Uploads in progress always wait on local disk (MEDIA_DIR/.incoming). */
export function createConfiguredMediaService(media: Config['media']): MediaService {
  return createMediaService({ store: createConfiguredMediaStore(media), tmpDir: mediaTmpDir(media.dir), limits: media.maxBytes });
}

import { MulterModule } from '@nestjs/platform-express';
import multer from 'multer';
import { AppConfig } from '../config/app-config.js';

/** Uploads are read into memory up to MAX_UPLOAD_BYTES (413 beyond) and type-checked before anything keeps them. */
export const UploadsInMemory = MulterModule.registerAsync({
  useFactory: (config: AppConfig) => ({
    storage: multer.memoryStorage(),
    // Browsers send file names as UTF-8 without saying so; multer's default reads them as Latin-1.
    defParamCharset: 'utf8',
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 11 },
  }),
  inject: [AppConfig],
});

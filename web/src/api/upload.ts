import { ApiError } from './client';

/**
 * Sends one file as multipart (`file` field, with any other form `fields`) and reports progress (fetch cannot report upload
 * progress; XMLHttpRequest can). The server's refusal (size, type) comes back as an ApiError.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
  fields: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as {
        message?: string | string[];
        details?: unknown;
        code?: string;
        params?: Record<string, unknown>;
      };
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? xhr.statusText);
      reject(new ApiError(xhr.status, message, body.details, body.code, body.params));
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}

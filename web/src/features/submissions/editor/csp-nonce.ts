import { EditorView } from '@codemirror/view';

/**
 * The nonce of the page's Content-Security-Policy (a meta tag the server writes into each page), so that the
 * <style> element CodeMirror builds for its theme is allowed. None in development, which has no policy.
 */
export const pageNonce = EditorView.cspNonce.of(
  document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '',
);

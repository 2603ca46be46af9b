/** Finds QR codes in video frames. */
export type QrDetector = { detect: (source: HTMLVideoElement) => Promise<string[]> };

let loading: Promise<QrDetector> | undefined;

/**
 * The QR detector, loaded on first use (its code and the 1 MB zxing WebAssembly are not part of the
 * app's first load): the browser's own BarcodeDetector where it reads QR codes (Android Chrome),
 * otherwise the `barcode-detector` polyfill on zxing-wasm, whose .wasm comes from our own build.
 */
/**
 * Fetches the zxing WebAssembly once the scanner opens online, so that the service worker keeps it
 * (runtime cache, vite.config.ts) and the camera still reads codes after an offline reload.
 */
export function keepQrReaderOffline(): void {
  if (!navigator.onLine || !('serviceWorker' in navigator)) return;
  void import('zxing-wasm/reader/zxing_reader.wasm?url')
    .then(({ default: wasmUrl }) => fetch(wasmUrl))
    .catch(() => undefined);
}

export function loadQrDetector(): Promise<QrDetector> {
  loading ??= (async () => {
    const Native = (globalThis as { BarcodeDetector?: typeof import('barcode-detector/ponyfill').BarcodeDetector })
      .BarcodeDetector;
    const nativeFormats: readonly string[] = Native ? await Native.getSupportedFormats().catch(() => []) : [];
    if (Native && nativeFormats.includes('qr_code')) {
      const native = new Native({ formats: ['qr_code'] });
      return { detect: async (source) => (await native.detect(source)).map((code) => code.rawValue) };
    }
    const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
      import('barcode-detector/ponyfill'),
      import('zxing-wasm/reader/zxing_reader.wasm?url'),
    ]);
    // Fetch and compile the WebAssembly now, while the camera starts, not on the first frame.
    await prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
      fireImmediately: true,
    });
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    return { detect: async (source) => (await detector.detect(source)).map((code) => code.rawValue) };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

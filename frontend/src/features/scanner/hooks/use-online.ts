export { useBrowserOnline } from '@/lib/use-browser-online';

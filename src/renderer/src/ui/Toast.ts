// Short messages under the content: one module per part, gathered here for the many importers.
export { ToastProvider } from './ToastProvider';
export { ToastRegion } from './ToastRegion';
export { useToast, type ShowToast, type ToastAction } from './toast-context';

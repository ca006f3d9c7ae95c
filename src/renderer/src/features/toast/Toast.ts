// Moved to ui/Toast; kept so imports from the codes feature keep working.
export { useToast, type ToastAction } from '../../ui/Toast';

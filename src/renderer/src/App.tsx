import { Gate } from './app/Gate';
import './features/codes/codes.css';
import { ShortcutsSheet } from './ui/ShortcutsSheet';
import { ToastProvider, ToastRegion } from './ui/Toast';

export function App() {
  return (
    <ToastProvider>
      <div className="app">
        <Gate />
        <ToastRegion />
      </div>
      <ShortcutsSheet />
    </ToastProvider>
  );
}

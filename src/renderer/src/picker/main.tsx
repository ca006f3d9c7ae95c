import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Picker } from './Picker';
import { pickerStore } from './picker-store';
import '../styles/tokens.css';
import '../styles/base.css';
import '../ui/ui.css';
import './picker.css';

pickerStore.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Picker />
  </StrictMode>,
);

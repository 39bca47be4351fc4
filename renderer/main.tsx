// Renderer entry: styles, then the app, or the "no bridge" page when window.uploader is missing.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { BridgeMissing } from './app/bridge-missing';
import { hasUploader } from './bridge/uploader';
import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';
import './styles/uploads.css';
import './styles/part-map.css';
import './styles/screens.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(<StrictMode>{hasUploader() ? <App /> : <BridgeMissing />}</StrictMode>);

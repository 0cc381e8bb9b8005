// Renderer entry: styles, then the app with the page's client (Electron bridge or web host).
import './styles/tokens.css';
import './styles/app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { client } from './lib/client';

const target = document.getElementById('app');
if (!target) throw new Error('LEXO: #app is missing from index.html');

export default mount(App, { target, props: { client } });

// Entry point: picks the client (IPC preload or HTTP) and mounts the app.
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { pickClient } from './lib/client';

// The client is picked first: it takes a `#token=` out of the URL before the router reads the hash.
const client = pickClient(window);
const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

export default mount(App, { target, props: { client } });

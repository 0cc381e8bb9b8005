#!/usr/bin/env node
// Runs test/bench/bench.ts through Vite's module runner (TypeScript sources, no separate build).
import { runnerImport } from 'vite';

const { module } = await runnerImport('./test/bench/bench.ts', { configFile: false, logLevel: 'error' });
await module.runBench();

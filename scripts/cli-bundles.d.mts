import type { Plugin } from 'esbuild';
export function cliEntries(root: string, outdir: string): { entryPoints: string[]; outfile: string; banner?: { js: string }; plugins?: Plugin[] }[];
export function asciiOutput(): Plugin;
export function asciiFile(file: string): void;
export function escapeNonAscii(code: string): { code: string; moves: Map<number, [number, number][]> };
export function moveColumns(mappings: string, moves: Map<number, [number, number][]>): string;

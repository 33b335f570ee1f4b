export function cliEntries(root: string, outdir: string): { entryPoints: string[]; outfile: string; banner?: { js: string } }[];

// Configuration: .postmortemrc lookup and validation, merging with editor settings, postmortem path globs.
// `load` uses the file system; everything else here is pure.
export * from './globs';
export * from './parse';
export * from './validate';
export * from './merge';
export * from './load';
export * from './resolve';

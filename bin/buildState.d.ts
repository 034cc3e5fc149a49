/** Types of bin/buildState.js (plain JavaScript: it runs before anything is compiled). */
export interface BuildSpec {
  outDir: string;
  dirs: string[];
  files: string[];
  entry?: string;
}
export declare const ROOT: string;
export declare const BUILDS: { web: BuildSpec; server: BuildSpec & { entry: string } };
export declare function inputFiles(build: BuildSpec, root?: string): string[];
export declare function fingerprint(build: BuildSpec, root?: string): string;
export declare function recordedFingerprint(dir: string): string | null;
export declare function recordFingerprint(dir: string, value: string): void;
export declare function isCurrent(build: BuildSpec, root?: string): boolean;

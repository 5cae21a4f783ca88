import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { DeriveError } from './errors';

/** The workspace this library runs from: its compiler options and its packages are the runtime's. */
const WORKSPACE = resolve(__dirname, '..', '..', '..');

/** What a {@link SourceCheck} checks the sources against. */
export interface SourceCheckOptions {
  /** The tsconfig whose compiler options apply (default: the workspace's tsconfig.base.json). */
  readonly tsconfig?: string;
  /** Package imports (`@tickswap/motor-bus`) resolve as from this folder (default: the workspace), wherever the sources are. */
  readonly resolveFrom?: string;
}

/**
 * The type check of a folder of behaviour sources, as the compiler of the
 * workspace sees them: package imports resolve from the workspace even for
 * a copy of the sources elsewhere. Each check reuses the previous program,
 * so only the files that changed are checked again.
 *
 * @example
 * const check = new SourceCheck('/tmp/behaviours');
 * check.errors(); // ["pid.ts:12:5: Type 'string' is not assignable to type 'number'."]
 */
export class SourceCheck {
  private readonly options: ts.CompilerOptions;
  private readonly host: ts.CompilerHost;
  private program: ts.SemanticDiagnosticsBuilderProgram | undefined;

  constructor(
    private readonly dir: string,
    settings: SourceCheckOptions = {},
  ) {
    const path = settings.tsconfig ?? join(WORKSPACE, 'tsconfig.base.json');
    const read = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
    if (read.error !== undefined) throw new DeriveError(`SourceCheck failed: cannot read ${path} (${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')})`);
    this.options = { ...ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path)).options, noEmit: true };
    const anchor = join(settings.resolveFrom ?? WORKSPACE, 'index.ts');
    const host = ts.createIncrementalCompilerHost(this.options);
    host.resolveModuleNameLiterals = (literals, containing, _redirect, options) =>
      literals.map((literal) => ts.resolveModuleName(literal.text, literal.text.startsWith('.') ? containing : anchor, options, host));
    // Parsing is most of a check's time: a file whose text did not change keeps its parsed form (and its cached diagnostics).
    const parsed = new Map<string, { text: string; file: ts.SourceFile }>();
    const parse = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, version, onError, create) => {
      const text = host.readFile(fileName);
      const known = parsed.get(fileName);
      if (known !== undefined && known.text === text) return known.file;
      const file = parse(fileName, version, onError, create);
      if (file !== undefined && text !== undefined) parsed.set(fileName, { text, file });
      return file;
    };
    this.host = host;
  }

  /**
   * The compiler's errors in the sources (`file:line:col: message`, files
   * relative to the folder; errors in the packages they import are not theirs).
   * The files are those of `files` (relative paths), read from disk.
   */
  errors(files: readonly string[]): string[] {
    const roots = files.map((file) => join(this.dir, file));
    // A builder program keeps each unchanged file's diagnostics: only what an edit can affect is checked again.
    this.program = ts.createSemanticDiagnosticsBuilderProgram(roots, this.options, this.host, this.program);
    const program = this.program;
    const found = roots.flatMap((root) => {
      const source = program.getSourceFile(root);
      return source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    });
    return found.map((d) => {
      const file = d.file as ts.SourceFile;
      const { line, character } = file.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${relative(this.dir, file.fileName)}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  }
}

// How the settings become the command that starts the server: kept free of the `vscode`
// module so that node's test runner can check it without an editor.

import * as os from 'node:os';
import * as path from 'node:path';

/** The languages `ereje lsp` words its diagnostics and hovers in. */
export const LANGS = ['en', 'kk', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

/** What the client needs to start the server. */
export interface Launch {
  command: string;
  args: string[];
  initializationOptions: { lang: Lang };
}

/**
 * The command and options for `ereje lsp`, from the settings `ereje.path` and `ereje.lang`.
 * `~` and `${workspaceFolder}` in the path are expanded; a relative path with a separator is
 * taken from the first workspace folder; a bare name (`ereje`) is looked up on `PATH` when
 * the server starts. An empty or unknown value falls back to the default.
 */
export function resolveLaunch(
  settings: { path?: unknown; lang?: unknown },
  workspaceFolder: string | undefined,
  home: string = os.homedir(),
): Launch {
  let command = typeof settings.path === 'string' ? settings.path.trim() : '';
  if (command === '') command = 'ereje';
  if (command === '~' || command.startsWith('~/')) {
    command = path.join(home, command.slice(1));
  }
  if (workspaceFolder !== undefined) {
    command = command.split('${workspaceFolder}').join(workspaceFolder);
    const hasSeparator = command.includes('/') || command.includes('\\');
    if (hasSeparator && !path.isAbsolute(command)) {
      command = path.join(workspaceFolder, command);
    }
  }
  const lang = LANGS.find((l) => l === settings.lang) ?? 'en';
  return { command, args: ['lsp'], initializationOptions: { lang } };
}

// The ereje extension: highlighting comes from the TextMate grammar; everything else
// (diagnostics, lints, hover, navigation, rename, completion, formatting, code actions,
// semantic tokens) from `ereje lsp`, which this client starts on stdio.

import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

import { braceFolds } from './folding';
import { resolveLaunch } from './settings';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('ereje Language Server');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('ereje.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.languages.registerFoldingRangeProvider(
      { language: 'ereje' },
      {
        provideFoldingRanges: (document) =>
          braceFolds(document.getText()).map((f) => new vscode.FoldingRange(f.start, f.end)),
      },
    ),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('ereje.path') || event.affectsConfiguration('ereje.lang')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('ereje');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const launch = resolveLaunch({ path: config.get('path'), lang: config.get('lang') }, folder);
  const serverOptions: ServerOptions = {
    command: launch.command,
    args: launch.args,
    transport: TransportKind.stdio,
    options: folder !== undefined ? { cwd: folder } : {},
  };
  const clientOptions: LanguageClientOptions = {
    // ereje.toml too: the server reads the lint levels from it as typed, and shows its errors
    documentSelector: [
      { scheme: 'file', language: 'ereje' },
      { scheme: 'file', pattern: '**/ereje.toml' },
    ],
    initializationOptions: launch.initializationOptions,
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ereje,ereje.toml}'),
    },
  };
  // The client reads `ereje.trace.server` itself (its id is `ereje`).
  client = new LanguageClient('ereje', 'ereje Language Server', serverOptions, clientOptions);
  output?.appendLine(`starting ${launch.command} ${launch.args.join(' ')} (lang ${launch.initializationOptions.lang})`);
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output?.appendLine(`could not start ${launch.command}: ${message}`);
    const choice = await vscode.window.showErrorMessage(
      `ereje: could not start \`${launch.command} lsp\` (${message}). Set \`ereje.path\` to the ereje binary.`,
      'Open Settings',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'ereje.path');
    }
    client = undefined;
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    try {
      await running.stop();
    } catch (error) {
      output?.appendLine(`stopping the server: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

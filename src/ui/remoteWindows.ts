/**
 * Opening a new window on a remote host through the Remote-SSH extension, and whether one is
 * installed: the one part of "Connect in New Window" a test cannot let happen (it would open a
 * window), so tests replace it, as they replace prompts.
 */
import * as vscode from 'vscode';

/** Microsoft's Remote - SSH, and the open-source one where the Marketplace is not available (VSCodium, code-server). */
export const REMOTE_SSH_EXTENSIONS = ['ms-vscode-remote.remote-ssh', 'jeanp413.open-remote-ssh'] as const;

export interface RemoteWindows {
  /** The id of the installed Remote-SSH extension, if any. */
  remoteSshExtension(): string | undefined;
  /** The extension to offer when none is installed: Microsoft's in VS Code, the open one elsewhere. */
  remoteSshToInstall(): string;
  /** Opens a new window connected to `authority` ("ssh-remote+do-web-1"). */
  openRemote(authority: string): Promise<void>;
}

export class VsCodeRemoteWindows implements RemoteWindows {
  remoteSshExtension(): string | undefined {
    return REMOTE_SSH_EXTENSIONS.find((id) => vscode.extensions.getExtension(id) !== undefined);
  }

  remoteSshToInstall(): string {
    return /visual studio code/i.test(vscode.env.appName) ? REMOTE_SSH_EXTENSIONS[0] : REMOTE_SSH_EXTENSIONS[1];
  }

  async openRemote(authority: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.newWindow', { remoteAuthority: authority, reuseWindow: false });
  }
}

/** Forwards to a replaceable implementation: the real one, or a recorder in tests. */
export class SwitchableRemoteWindows implements RemoteWindows {
  constructor(private current: RemoteWindows) {}

  use(windows: RemoteWindows): void {
    this.current = windows;
  }

  remoteSshExtension(): string | undefined {
    return this.current.remoteSshExtension();
  }

  remoteSshToInstall(): string {
    return this.current.remoteSshToInstall();
  }

  openRemote(authority: string): Promise<void> {
    return this.current.openRemote(authority);
  }
}

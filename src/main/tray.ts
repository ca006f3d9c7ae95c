import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { TrayItem } from '../node/shell/tray-model';

export interface TrayActions {
  readonly copy: (id: string) => void;
  readonly open: () => void;
  readonly lock: () => void;
  readonly quit: () => void;
}

/**
 * The tray / menu-bar icon. Its menu is rebuilt from the pure model (src/node/shell/tray-model)
 * whenever accounts or the vault's state change; Linux desktops show only a menu, never a click.
 * Icons come from resources/tray (a template image on macOS so it follows the menu bar).
 */
export function createTray(
  items: () => TrayItem[],
  actions: TrayActions,
): { refresh: () => void; tray: Tray } {
  const dir = join(app.getAppPath(), 'resources', 'tray');
  const icon = nativeImage.createFromPath(
    join(dir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
  );
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.setToolTip('Latchkey');
  if (process.platform !== 'linux') tray.on('click', actions.open);

  const toMenu = (item: TrayItem): Electron.MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'copy':
        return { label: item.label, click: () => actions.copy(item.id) };
      case 'heading':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'open':
        return { label: item.label, click: actions.open };
      case 'lock':
        return { label: item.label, enabled: item.enabled, click: actions.lock };
      case 'quit':
        return { label: item.label, click: actions.quit };
    }
  };
  const refresh = () => tray.setContextMenu(Menu.buildFromTemplate(items().map(toMenu)));
  refresh();
  return { refresh, tray };
}

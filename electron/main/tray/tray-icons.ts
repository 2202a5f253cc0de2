// Which icon file shows a tray colour on each platform. The files are drawn by resources/draw-icons.mjs.
import type { TrayColour } from './tray-state.js';

/**
 * The icon file (in resources/) for `colour` on `platform`. macOS gets template images, which the menu
 * bar tints for light and dark mode, so there the state shows by shape: eye closed, open, or with a badge.
 * Linux panels are usually 22 to 24 px tall and scale the icon, so they get the 32 px one; Windows
 * draws tray icons at 16 px. nativeImage picks the @2x file by itself on high-density screens.
 */
export function trayIconFile(colour: TrayColour, platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    if (colour === 'red') return 'trayAlertTemplate.png';
    return colour === 'grey' ? 'trayPausedTemplate.png' : 'trayTemplate.png';
  }
  return platform === 'linux' ? `tray-${colour}-32.png` : `tray-${colour}.png`;
}

import { useRoute } from '../../state/route';
import { useSelection } from '../../state/selection';

/**
 * Opens one datastream on the Live page, following the clock: from a late line on the
 * Stations page straight to what it last sent. As the Jobs page does, it replaces the
 * panels rather than adding an eighth line nobody asked for.
 */
export function openOnLive(key: string): void {
  useSelection.getState().showOnly([key], null);
  useRoute.getState().navigate('live');
}

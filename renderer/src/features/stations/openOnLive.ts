import { useRoute } from '../../state/route';
import { useSelection } from '../../state/selection';

/**
 * Opens one datastream on the Live page, following the clock: from a late line on the
 * Stations page straight to what it last sent. As the Jobs page does, it replaces the
 * panel's selection rather than adding an eighth line nobody asked for.
 */
export function openOnLive(key: string): void {
  useSelection.setState({ keys: [key], customRange: null, follow: true });
  useRoute.getState().navigate('live');
}

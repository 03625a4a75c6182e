/**
 * The partner municipalities of the regional pool, for the forms that offer
 * the "also in the region" choice. Nothing is shown while they load or when
 * they cannot be read: the choice then stays as it was.
 */
import { useEffect, useState } from 'react';
import { getRegionalPool } from '../api/regional-pool';
import type { Locale } from '../../shared/roles';

export function usePoolPartners(code: string): string[] | null {
  const [partners, setPartners] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    getRegionalPool(code).then(
      (state) => live && setPartners(state.pool?.partners.map((p) => p.name) ?? []),
      () => live && setPartners(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return partners;
}

/** "Gorinchem en Dordrecht" / "Gorinchem and Dordrecht". */
export function municipalityList(names: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(names);
}

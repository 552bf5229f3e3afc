import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { StaffMe } from '../api/types';

type Estate = StaffMe['estates'][number];
type EstateValue = { estates: Estate[]; estate: Estate | null; setEstateId: (id: string) => void };

const EstateContext = createContext<EstateValue | null>(null);
const storageKey = 'ef.app.estate';

function storedEstateId(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The estate the staff member is working in (from GET /api/me), remembered across visits. */
export function EstateProvider({ me, children }: { me: StaffMe; children: ReactNode }) {
  const [chosen, setChosen] = useState<string | null>(storedEstateId);
  const value = useMemo<EstateValue>(() => {
    const estate = me.estates.find((item) => item.id === chosen) ?? me.estates[0] ?? null;
    return {
      estates: me.estates,
      estate,
      setEstateId: (id) => {
        setChosen(id);
        try {
          localStorage.setItem(storageKey, id);
        } catch {
          // kept for this visit only
        }
      },
    };
  }, [me.estates, chosen]);
  return <EstateContext.Provider value={value}>{children}</EstateContext.Provider>;
}

export function useEstate(): EstateValue {
  const value = useContext(EstateContext);
  if (!value) throw new Error('useEstate outside EstateProvider');
  return value;
}

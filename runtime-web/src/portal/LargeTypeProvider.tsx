import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const storageKey = 'ef.portal.largeType';
type LargeType = { largeType: boolean; setLargeType: (on: boolean) => void };
const LargeTypeContext = createContext<LargeType | null>(null);

function stored(): boolean {
  try {
    return localStorage.getItem(storageKey) === '1';
  } catch {
    return false;
  }
}

/** Large-type mode for elderly owners, remembered on the phone (localStorage). */
export function LargeTypeProvider({ children }: { children: ReactNode }) {
  const [largeType, setLargeTypeState] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle('ef-large', largeType);
  }, [largeType]);
  const value = useMemo<LargeType>(
    () => ({
      largeType,
      setLargeType: (on) => {
        setLargeTypeState(on);
        try {
          localStorage.setItem(storageKey, on ? '1' : '0');
        } catch {
          // kept for this visit only
        }
      },
    }),
    [largeType],
  );
  return <LargeTypeContext.Provider value={value}>{children}</LargeTypeContext.Provider>;
}

export function useLargeType(): LargeType {
  const value = useContext(LargeTypeContext);
  if (!value) throw new Error('useLargeType outside LargeTypeProvider');
  return value;
}

"""One-letter slips in transliterated weapon names: "Iskandar" for Iskander, "Kinzal" for Kinzhal.

Russian, Persian and Korean names reach English in several spellings. The equipment
detector indexes each long name word with every one-letter deletion of it (a
symmetric-deletion index), so a text word one edit away is found in one look-up per
deletion; ``transliteration_slip`` then keeps only the edits transliteration makes.
"""

from __future__ import annotations

from workbench.detect.language_scope import current_language


def transliteration_slip(written: str, name: str) -> bool:
    """Whether ``written`` differs from ``name`` by one slip a transliteration makes."""
    words = current_language().equipment
    if len(written) == len(name):
        diff = [k for k in range(len(name)) if written[k] != name[k]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:  # two letters swapped
            return written[diff[0]] == name[diff[1]] and written[diff[1]] == name[diff[0]]
        return len(diff) == 1 and any(
            written[diff[0]] in group and name[diff[0]] in group for group in words.TRANSLITERATION_SWAPS
        )
    longer, shorter = (written, name) if len(written) > len(name) else (name, written)
    k = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    if longer[:k] + longer[k + 1 :] != shorter:
        return False
    extra = longer[k]
    return (extra in words.TRANSLITERATION_EXTRAS or (k > 0 and longer[k - 1] == extra)
            or longer[k + 1 : k + 2] == extra)


def one_letter_off(token: str) -> list[str]:
    """The token and each form of it with one letter dropped (symmetric deletion)."""
    key = token.casefold()
    return [key, *(key[:k] + key[k + 1 :] for k in range(1, len(key)))]

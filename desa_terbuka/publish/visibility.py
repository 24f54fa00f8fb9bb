"""Who may see a dataset: a retraction makes it private on the portal (members only), at once.

CKAN refuses an anonymous ``package_show`` of a private dataset, and a private dataset leaves
search, the API and the DataStore for everyone outside its organization; nothing is deleted, so
``desa restore`` brings back exactly what was there.
"""

from __future__ import annotations

from desa_terbuka.publish.portal import Portal, PortalNotFound


def set_private(portal: Portal, name: str, private: bool) -> bool:
    """Make a dataset private (or public again); True when the portal changed."""
    package = portal.show("package_show", id=name)
    if package is None:
        raise PortalNotFound("package_show", f"dataset {name} tidak ada di portal / not on the portal")
    if bool(package.get("private")) == private:
        return False
    portal.call("package_patch", id=package["id"], private=private)
    return True


def enforce_retractions(portal: Portal, names: list[str]) -> list[str]:
    """Make sure every retracted dataset is private (someone may have made it public by hand);
    returns the changes made. One read per retracted dataset per run."""
    changes = []
    for name in sorted(names):
        try:
            if set_private(portal, name, True):
                changes.append(f"{name}: dijadikan privat lagi (ditarik dari publik)")
        except PortalNotFound:
            continue  # never published, or deleted by hand: nothing public to hide
    return changes

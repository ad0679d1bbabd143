package org.dcis.cooperation.reference;

/** International organisations France cooperates through. */
public enum Organisation {
    EU, UN, INTERPOL, EUROPOL, AU, OSCE, ECOWAS, AMERIPOL, AFRIPOL
}

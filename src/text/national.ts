// The fixed national header texts (Phụ lục I, II.1), in the official tone-mark style ("HÒA").
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The label of the Nơi nhận list (ô 9b). */
export const RECIPIENTS_LABEL = 'Nơi nhận:';
